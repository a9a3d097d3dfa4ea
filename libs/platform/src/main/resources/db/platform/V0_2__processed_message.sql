-- The inbox: one row per inbound Kafka message a consumer has dealt with, written in the same transaction as
-- the message's effect, so a redelivered message is recognised and changes nothing.
CREATE TABLE processed_message (
    consumer_group  VARCHAR(200) NOT NULL,
    message_id      VARCHAR(300) NOT NULL,
    topic           VARCHAR(200) NOT NULL,
    kafka_partition INTEGER      NOT NULL,
    kafka_offset    BIGINT       NOT NULL,
    outcome         VARCHAR(20)  NOT NULL CHECK (outcome IN ('PROCESSED', 'DEAD_LETTERED')),
    processed_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, message_id)
);
