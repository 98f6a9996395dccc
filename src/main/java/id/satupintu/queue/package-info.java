/**
 * Queue: walk-in tickets numbered per mall, prefix and local day; counters that open, call, serve and transfer;
 * the call order policy with fair priority; live calls for display boards and ticket status pages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "region", "catalogue", "identity"})
package id.satupintu.queue;
