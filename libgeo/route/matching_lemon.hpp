#pragma once
// LEMON for the matching, under C++20. LEMON 1.3.1 (Debian's liblemon-dev) stores graph maps of non-arithmetic
// values in its ArrayMap, which calls std::allocator<T>::construct and ::destroy, both removed in C++20 (libstdc++
// hides them above C++17). For the two graphs the matching uses, ArrayMap is replaced here by LEMON's own
// VectorMap (a std::vector; what LEMON already uses for arithmetic values), with the same constructors and
// assignments. Include this header, never <lemon/matching.h> directly: the replacement must be declared before any
// map of these graphs is instantiated.
#include <lemon/bits/array_map.h>
#include <lemon/bits/vector_map.h>
#include <lemon/full_graph.h>
#include <lemon/list_graph.h>

namespace lemon {

#define GEOWALK_LEMON_VECTOR_BACKED(GRAPH)                                                          \
    template <typename Item, typename Value>                                                       \
    class ArrayMap<GRAPH, Item, Value> : public VectorMap<GRAPH, Item, Value> {                    \
        using Parent = VectorMap<GRAPH, Item, Value>;                                              \
                                                                                                   \
    public:                                                                                        \
        explicit ArrayMap(const GRAPH& graph) : Parent(graph) {}                                   \
        ArrayMap(const GRAPH& graph, const Value& value) : Parent(graph, value) {}                 \
        ArrayMap(const ArrayMap& other) = default;                                                 \
        ArrayMap& operator=(const ArrayMap& other)                                                 \
        {                                                                                          \
            Parent::operator=(other);                                                              \
            return *this;                                                                          \
        }                                                                                          \
        template <typename CMap>                                                                   \
        ArrayMap& operator=(const CMap& other)                                                     \
        {                                                                                          \
            Parent::operator=(other);                                                              \
            return *this;                                                                          \
        }                                                                                          \
    };

GEOWALK_LEMON_VECTOR_BACKED(ExtendedFullGraphBase)
GEOWALK_LEMON_VECTOR_BACKED(ExtendedListGraphBase)
#undef GEOWALK_LEMON_VECTOR_BACKED

}  // namespace lemon

#include <lemon/matching.h>
