-- Every message handed to a gateway, under a key naming what it tells (the event and the channel), so that an event
-- delivered again (after a crash before its publication was completed, or when another instance republishes the
-- outstanding events on its start) sends nothing a second time.
CREATE TABLE notification_delivery (
    key     text PRIMARY KEY,
    sent_at timestamptz NOT NULL
);
CREATE INDEX notification_delivery_sent_at ON notification_delivery (sent_at);
