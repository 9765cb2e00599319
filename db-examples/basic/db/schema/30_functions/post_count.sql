CREATE FUNCTION post_count(p_author_id BIGINT) RETURNS BIGINT
LANGUAGE sql STABLE AS $$
    SELECT count(*) FROM posts WHERE author_id = p_author_id;
$$;
