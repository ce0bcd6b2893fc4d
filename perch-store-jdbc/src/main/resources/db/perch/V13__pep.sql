-- PEP (XEP-0163): each account's nodes and their items. Keys start with the owner's bare JID, as the rosters'.
-- A node name is a namespace, sometimes with a suffix (OMEMO's 'eu.siacs.conversations.axolotl.bundles:123'),
-- and an item id is often a bare JID (XEP-0402, XEP-0490): both bounded by the XMPP layer to 1023 characters.
-- access_model and send_last hold the lower-case constant names ('whitelist', 'never'). last_seq is the sequence
-- number given to the node's newest item; its row is also the lock that serialises publications to one node.
CREATE TABLE pep_node (
    owner         VARCHAR(2047) NOT NULL,
    node          VARCHAR(1023) NOT NULL,
    max_items     INT           NOT NULL,
    access_model  VARCHAR(16)   NOT NULL,
    persist_items BOOLEAN       NOT NULL,
    send_last     VARCHAR(32)   NOT NULL,
    last_seq      BIGINT        NOT NULL,
    PRIMARY KEY (owner, node)
);

-- seq orders a node's items by publication (republishing an id gives it a new, larger one). payload is the item's
-- XML text, as long as the server's payload bound allows: VARCHAR without a length, as chat_message.payload.
CREATE TABLE pep_item (
    owner     VARCHAR(2047)               NOT NULL,
    node      VARCHAR(1023)               NOT NULL,
    item_id   VARCHAR(1023)               NOT NULL,
    seq       BIGINT                      NOT NULL,
    published TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    payload   VARCHAR                     NOT NULL,
    PRIMARY KEY (owner, node, item_id)
);

ALTER TABLE pep_item ADD FOREIGN KEY (owner, node) REFERENCES pep_node (owner, node) ON DELETE CASCADE;

CREATE INDEX pep_item_by_seq ON pep_item (owner, node, seq);
