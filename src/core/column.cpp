// Column memory (kreditor/core/column.hpp): the hash tables' huge-page allocator, whole.
#include "kreditor/core/column.hpp"

#include <cstddef>

#include "core/huge_pages.hpp"

KREDITOR_NAMESPACE_BEGIN

void* detail::allocate_column(std::size_t bytes) { return aligned_huge_allocator<std::byte>{}.allocate(bytes); }

void detail::free_column(void* p, std::size_t bytes) noexcept {
  aligned_huge_allocator<std::byte>{}.deallocate(static_cast<std::byte*>(p), bytes);
}

KREDITOR_NAMESPACE_END
