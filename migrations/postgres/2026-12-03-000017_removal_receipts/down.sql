DROP TABLE removal_receipts;
DROP TABLE signing_keys;
