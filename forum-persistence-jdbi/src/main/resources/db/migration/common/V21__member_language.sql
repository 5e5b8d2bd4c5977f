-- A member's language for pages and e-mails (a BCP 47 tag such as 'ja'); NULL: the forum chooses.
ALTER TABLE profiles ADD COLUMN language VARCHAR(35);
