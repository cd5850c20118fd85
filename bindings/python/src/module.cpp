// The compiled core of the Python package: `kreditor._core`. Users import `kreditor`, which
// re-exports this module and adds the pure-Python conveniences (pandas, Dask).
#include "common.hpp"
#include "kreditor/version.hpp"

PYBIND11_MODULE(_core, m) {
  namespace kp = kreditor::python;
  m.doc() = "Credit risk and dunning: the C++ core of kreditor. Import `kreditor`, not this module.";
  m.attr("__version__") = KREDITOR_VERSION_STRING;
  kp::bind_core(m);
  kp::bind_time(m);
  kp::bind_terms(m);
  kp::bind_references(m);
  kp::bind_charges(m);
  kp::bind_dunning(m);
  kp::bind_book(m);
  kp::bind_batch(m);
  kp::bind_scoring(m);
  kp::bind_review(m);
  kp::bind_plans(m);
  kp::bind_documents(m);
}
