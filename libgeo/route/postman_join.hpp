#pragma once
// The rural postman's pieces: the connected pieces of the required edges (with the start), joined into one by
// deadhead paths along a minimum spanning tree of the pieces (Frederickson's first step), and the clean-up of
// deadhead copies that the joined walk does not need.
#include "libgeo/route/arc_graph.hpp"

#include <span>
#include <vector>

namespace geo::route::detail {

struct Pieces {
    std::vector<int> of_node;  // per node: its piece, -1 for nodes on no required edge (the start always has one)
    int count = 0;             // pieces numbered 0..count-1 by their lowest node
};

// planned: one flag per edge (the required edges the walk serves).
[[nodiscard]] Pieces find_pieces(const ArcGraph& graph, std::span<const char> planned, int start);

// Adds to `copies` the deadhead paths of a minimum spanning tree of the pieces under shortest-path distances and
// returns its length. All pieces must lie in one component of `graph`.
//
// One multi-source Dijkstra from every node of every piece labels each node with its nearest piece; an edge whose
// ends carry different labels stands for a path between those two pieces (Mehlhorn 1988, "A faster approximation
// algorithm for the Steiner problem in graphs", Inf. Process. Lett. 27(3):125-128: a minimum spanning tree of these
// boundary edges is one of the complete distance graph over the pieces). Kruskal on them: O(m log m) in all, no
// distance between every two pieces is ever computed.
double join_pieces(const ArcGraph& graph, const Pieces& pieces, std::vector<int>& copies);

// Takes redundant deadhead out of `copies` without changing any node's parity or the connection to `start`: an
// edge walked three times or more loses two walks at a time (at least one stays, so nothing disconnects); then an
// edge not in `planned` walked exactly twice loses both when the walk stays connected without it (longest first,
// while the connectivity checks stay within a fixed work budget). Returns the length removed.
double drop_redundant_copies(const ArcGraph& graph, std::span<const char> planned, std::vector<int>& copies,
                             int start);

}  // namespace geo::route::detail
