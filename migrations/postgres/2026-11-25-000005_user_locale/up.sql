-- The user's chosen UI language (a BCP 47 tag such as pl-PL); NULL follows the browser.
ALTER TABLE users ADD COLUMN locale TEXT;
