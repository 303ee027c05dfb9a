-- Which desk made each change, so a desk's own changes come back in its feed without their data
-- (it has them already). A desk is its local register, not its token: a reinstalled desk gets all.
ALTER TABLE change_feed ADD COLUMN desk_id VARCHAR(40);
