-- One row the storage health probe rewrites while the store is degraded (a full disk, a lost
-- database): the first write that commits again tells the server it has healed.
CREATE TABLE storage_probe (
    id         INT PRIMARY KEY,
    checked_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO storage_probe (id, checked_at) VALUES (1, NULL);
