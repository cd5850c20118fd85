// -----------------------------------------------------------------------------
// File: kreditor/config.hpp
// -----------------------------------------------------------------------------
//
// Feature macros and the generated version header (KREDITOR_VERSION,
// KREDITOR_NAMESPACE_BEGIN/END). Every public header includes this first.
#ifndef KREDITOR_CONFIG_HPP
#define KREDITOR_CONFIG_HPP

#include "kreditor/version.hpp"

#endif  // KREDITOR_CONFIG_HPP
