-- Registered add-ins (Lync's siopName nvarchar(50), siopUrl nvarchar(255)). Rooms name the add-in they show in
-- chat_room.addin; the name is unique without regard to case (name_key, lower-cased in Java as for categories).
CREATE TABLE chat_addin (
    id       UUID         NOT NULL PRIMARY KEY,
    name     VARCHAR(50)  NOT NULL,
    name_key VARCHAR(100) NOT NULL UNIQUE,
    url      VARCHAR(255) NOT NULL
);
