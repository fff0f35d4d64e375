//! The preview: the real donor widget ([`circo_don::widget::App`]) reading the
//! configuration being edited, in a shadow root with the widget's own stylesheet,
//! exactly as on a collective's page. The configuration is handed to it as the page's
//! inline `<script type="application/json">`, the embed contract's `#id` form; each
//! change mounts it anew (keyed), after a pause in typing.

use yew::prelude::*;

use circo_don::widget::App;

/// The widget's own stylesheet, as the widget carries it. This page has no
/// Content-Security-Policy, so a `<style>` element in the shadow root is enough (the
/// widget itself adopts a constructed stylesheet); the widget's code is left untouched.
const WIDGET_CSS: &str = include_str!("../../styles/widget.css");

/// The inline configuration the preview reads (in builder.html).
pub const SOURCE_ID: &str = "cd-preview-config";

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    /// The configuration's text.
    pub text: AttrValue,
    /// Changes whenever the widget must read the text anew.
    pub generation: u64,
}

#[function_component(Preview)]
pub fn preview(props: &PreviewProps) -> Html {
    let host = use_node_ref();
    let root = use_state(|| None::<web_sys::Element>);
    {
        let (host, root) = (host.clone(), root.clone());
        use_effect_with((), move |_| {
            let made = (|| {
                let host = host.cast::<web_sys::Element>()?;
                let document = host.owner_document()?;
                let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).ok()?;
                let style = document.create_element("style").ok()?;
                style.set_text_content(Some(WIDGET_CSS));
                shadow.append_child(&style).ok()?;
                let div = document.create_element("div").ok()?;
                shadow.append_child(&div).ok()?;
                Some(div)
            })();
            root.set(made);
        });
    }
    // The text is written where the widget reads it before the widget is mounted anew.
    if let Some(script) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(SOURCE_ID)) {
        if script.text_content().as_deref() != Some(props.text.as_str()) {
            script.set_text_content(Some(&props.text));
        }
    }
    let widget = match &*root {
        Some(root) => create_portal(
            html! { <App key={props.generation.to_string()} source={format!("#{SOURCE_ID}")} lang={None} circo={None} /> },
            root.clone(),
        ),
        None => html! {},
    };
    html! { <div class="b-preview-host" ref={host}>{ widget }</div> }
}
