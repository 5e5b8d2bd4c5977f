-- Reactions on conversation messages (issue 15): the same types as post reactions, one per member per message. They
-- stay private to the conversation, so they are kept apart from post reactions and never count toward a member's
-- public reaction score.
CREATE TABLE conversation_message_reactions (
    message_id    BIGINT NOT NULL,
    member_id     BIGINT NOT NULL,
    reaction_type VARCHAR(32) NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_conversation_message_reactions PRIMARY KEY (message_id, member_id),
    CONSTRAINT fk_conversation_message_reactions_message FOREIGN KEY (message_id) REFERENCES conversation_messages (id)
);
