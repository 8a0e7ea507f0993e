-- (c) The per-line formulation on subdivided inputs, the usual PostGIS advice for large geometries: network and
-- tracks cut into pieces of at most :max_vertices vertices (ST_Subdivide, GiST-indexed temporary tables), then per
-- network piece the buffer of the union of the track pieces within sight of it. The subdivision is part of the
-- timed work. Same variables and result as (a), plus max_vertices.
CREATE TEMP TABLE net_pieces AS
    SELECT row_number() OVER () AS pid, geom FROM (SELECT ST_Subdivide(geom, :max_vertices) AS geom FROM :network) s;
ALTER TABLE net_pieces ADD PRIMARY KEY (pid);
CREATE TEMP TABLE track_pieces AS
    SELECT ST_Subdivide(geom, :max_vertices) AS geom FROM :tracks;
CREATE INDEX ON track_pieces USING gist (geom);
ANALYZE net_pieces;
ANALYZE track_pieces;
SELECT sum(ST_Length(n.geom)) AS total_m,
       coalesce(sum(c.covered_m), 0) AS covered_m
FROM net_pieces n
LEFT JOIN (
    SELECT n.pid,
           ST_Length(ST_Intersection(n.geom, ST_Buffer(ST_Union(t.geom), :sight, :'style'))) AS covered_m
    FROM net_pieces n
    JOIN track_pieces t ON ST_DWithin(n.geom, t.geom, :sight)
    GROUP BY n.pid
) c ON c.pid = n.pid;
DROP TABLE net_pieces;
DROP TABLE track_pieces;
