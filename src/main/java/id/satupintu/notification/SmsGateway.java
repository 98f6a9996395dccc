package id.satupintu.notification;

/** The port to an SMS/WhatsApp provider: one short text to one phone number. */
interface SmsGateway {

    void send(String phone, String text);
}
