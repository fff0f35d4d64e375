//! The circo's account configuration: format, validation, registry of many circos.
//! Pure: the widget fetches the text, this module only reads it.
