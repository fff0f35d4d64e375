//! The Yew shell: mounts a widget on every `[data-circo-don]` element.

pub fn start() {}
