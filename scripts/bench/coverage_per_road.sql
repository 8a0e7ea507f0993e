-- (b) Per network line: the buffer of the union of only the tracks within sight of it (ST_DWithin, answered by the
-- GiST index on tracks), intersected with the line; grouped by line and summed. Same variables and result as (a).
SELECT sum(ST_Length(n.geom)) AS total_m,
       coalesce(sum(c.covered_m), 0) AS covered_m
FROM :network n
LEFT JOIN (
    SELECT n.fid,
           ST_Length(ST_Intersection(n.geom, ST_Buffer(ST_Union(t.geom), :sight, :'style'))) AS covered_m
    FROM :network n
    JOIN :tracks t ON ST_DWithin(n.geom, t.geom, :sight)
    GROUP BY n.fid
) c ON c.fid = n.fid;
