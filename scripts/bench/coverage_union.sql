-- (a) The textbook formulation: one buffer of the union of every track, intersected with every network line.
-- psql variables: network, tracks (table names), sight (metres), style (ST_Buffer parameters, e.g. 'quad_segs=8').
-- Returns total_m (network length) and covered_m (length within sight of a track), the numbers of summary.json.
WITH walked AS (
    SELECT ST_Buffer(ST_Union(geom), :sight, :'style') AS geom FROM :tracks
)
SELECT sum(ST_Length(n.geom)) AS total_m,
       sum(ST_Length(ST_Intersection(n.geom, w.geom))) AS covered_m
FROM :network n CROSS JOIN walked w;
