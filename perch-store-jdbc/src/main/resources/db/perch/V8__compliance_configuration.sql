-- Lync's PersistentChatComplianceConfiguration, once an administrator sets it: at most one row. adapter_type NULL
-- is compliance off; run_interval_seconds is 60 to 2,592,000 (1 minute to 30 days).
CREATE TABLE compliance_configuration (
    singleton                        INT           NOT NULL PRIMARY KEY CHECK (singleton = 1),
    adapter_type                     VARCHAR(256),
    adapter_name                     VARCHAR(256)  NOT NULL,
    adapter_output_directory         VARCHAR(4096),
    one_chat_room_per_output_file    BOOLEAN       NOT NULL,
    add_chat_room_details            BOOLEAN       NOT NULL,
    add_user_details                 BOOLEAN       NOT NULL,
    create_file_attachments_manifest BOOLEAN       NOT NULL,
    run_interval_seconds             BIGINT        NOT NULL
);
