-- 020: one active notification sender on a Galera cluster.
--
-- On one MariaDB server several senders share the outbox safely: each
-- locks the row it delivers (FOR UPDATE SKIP LOCKED).  On a cluster a row
-- lock is seen only by the node that took it, so two senders on two nodes
-- could both deliver one message before certification refuses the second
-- commit.  There, the sender that holds this one row's lease is the only
-- one that delivers; the others wait and take over when it stops renewing
-- (cgi/tools/portal-sender.c).  A lease is taken by an UPDATE, which
-- Galera certifies cluster-wide, so two senders can never both hold it.
CREATE TABLE sender_lease (
    id          TINYINT UNSIGNED NOT NULL PRIMARY KEY,
    holder      VARCHAR(80) NOT NULL,
    expires_at  DATETIME(3) NOT NULL
) ENGINE=InnoDB;

INSERT INTO sender_lease (id, holder, expires_at) VALUES (1, '', '2000-01-01 00:00:00');
