//! The one native integration-test binary: a module per feature.

mod conformance;
mod support;
