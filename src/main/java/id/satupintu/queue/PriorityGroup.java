package id.satupintu.queue;

/** Groups entitled to special treatment (UU 25/2009 Pasal 29): served in the priority lane. */
public enum PriorityGroup {
    ELDERLY, DISABILITY, PREGNANT, CHILD, DISASTER_VICTIM
}
