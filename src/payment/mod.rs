//! Payment payloads: the EPC069-12 transfer QR code and its rendering as SVG.
