/**
 * Notification: messages to citizens by e-mail and SMS/WhatsApp through gateway ports, each with a simulator for
 * demos; it only listens to the events of other modules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "region", "catalogue",
        "appointment", "identity", "submission", "complaint"})
package id.satupintu.notification;
