// The Python `Book`: the book with the ledger it points into, and what it was made with (the
// recorded notices and the policies), so that what is read off it later (a customer's payment
// history) is taken under the same notices and policies.
#ifndef KREDITOR_PYTHON_BOOK_HANDLE_HPP
#define KREDITOR_PYTHON_BOOK_HANDLE_HPP

#include <memory>
#include <vector>

#include "kreditor/book/book.hpp"
#include "kreditor/book/policy_set.hpp"
#include "kreditor/io/ledger.hpp"

namespace kreditor::python {

struct book_handle {
  std::shared_ptr<const ledger> source;
  book b;
  std::vector<recorded_notice> recorded;
  policy_set policies;
};

}  // namespace kreditor::python

#endif  // KREDITOR_PYTHON_BOOK_HANDLE_HPP
