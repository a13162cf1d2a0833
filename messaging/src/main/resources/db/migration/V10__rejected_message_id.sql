-- The JMS message id of a rejected message. A batch whose JMS commit was lost after the cache commit comes again, and
-- its rejections were stored twice; with the id they are kept once (RejectedStore). Null when the producer sent none.
ALTER TABLE rejected_message ADD COLUMN message_id VARCHAR(200);
CREATE UNIQUE INDEX rejected_message_id ON rejected_message (message_id);
