-- 023: a category's notice list read in the order it is shown.
-- The list of one category (/notices/?category=) was found through the
-- index on category alone and sorted; this index gives its rows already
-- in the list's order (pinned, newest first), as public_order does for
-- the whole list.
ALTER TABLE notices ADD KEY public_category_order (status, category, pinned, publish_at);
