-- Host identity: a host application's user (issuer, subject) linked to the member made for it on first sight.
-- The primary key is what makes two concurrent first sights of one user end with one member: the second insert fails
-- and the service reads the winner's link.
CREATE TABLE external_identities (
    issuer     VARCHAR(200) NOT NULL,
    subject    VARCHAR(200) NOT NULL,
    member_id  BIGINT NOT NULL,
    avatar_url VARCHAR(2000),
    CONSTRAINT pk_external_identities PRIMARY KEY (issuer, subject),
    CONSTRAINT uq_external_identities_member UNIQUE (member_id),
    CONSTRAINT fk_external_identities_member FOREIGN KEY (member_id) REFERENCES members (id)
);
