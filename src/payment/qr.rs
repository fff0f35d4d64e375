//! Encoding a payload as a QR code and rendering it as a compact SVG.
//!
//! EPC069-12 requires error correction level M and allows QR versions up to 13
//! (its "QR code requirements"); in byte mode a version 13-M symbol holds exactly the
//! 331 bytes the guideline sets as the payload maximum. The level is therefore fixed
//! here (no boosting to a higher level) and the version capped at 13.

use std::fmt::{self, Write as _};

use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};

use crate::i18n::Text;

/// Largest QR version EPC069-12 allows.
pub const MAX_VERSION: u8 = 13;
/// Width of the light margin around the symbol, in modules (ISO/IEC 18004 quiet zone).
pub const QUIET_ZONE: usize = 4;

/// Why a payload cannot be encoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QrError {
    /// The payload does not fit a version 13-M symbol.
    TooLong { bytes: usize },
}

impl QrError {
    /// What went wrong, in French and English.
    pub fn message(&self) -> Text {
        match self {
            QrError::TooLong { bytes } => Text::new(
                format!("Ces {bytes} octets ne tiennent pas dans un QR code de virement."),
                format!("These {bytes} bytes do not fit in a transfer QR code."),
            ),
        }
    }
}

impl fmt::Display for QrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for QrError {}

/// Encodes `payload` as UTF-8 bytes in a single byte-mode segment, at error correction
/// level M exactly (no boost), in the smallest version from 1 to 13 that fits.
pub fn qr_code(payload: &str) -> Result<QrCode, QrError> {
    let segments = [QrSegment::make_bytes(payload.as_bytes())];
    QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Medium,
        Version::new(1),
        Version::new(MAX_VERSION),
        None,
        false,
    )
    .map_err(|_| QrError::TooLong {
        bytes: payload.len(),
    })
}

/// The modules of a QR symbol, without quiet zone: `size × size`, row by row,
/// `true` for dark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrMatrix {
    pub size: usize,
    pub dark: Vec<bool>,
}

impl QrMatrix {
    fn from_code(code: &QrCode) -> QrMatrix {
        let n = code.size();
        let mut dark = Vec::with_capacity((n * n) as usize);
        for y in 0..n {
            for x in 0..n {
                dark.push(code.get_module(x, y));
            }
        }
        QrMatrix {
            size: n as usize,
            dark,
        }
    }

    /// Whether the module at column `x`, row `y` is dark (`false` outside the symbol).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }
}

/// The module matrix of `payload` encoded as by [`qr_code`].
pub fn qr_matrix(payload: &str) -> Result<QrMatrix, QrError> {
    qr_code(payload).map(|code| QrMatrix::from_code(&code))
}

/// Renders `payload` as an SVG QR code: a white square with a 4-module quiet zone and
/// one black `<path>` in which each horizontal run of dark modules is one rectangle.
/// Coordinates are in modules (`viewBox`); the widget sizes the image with CSS and
/// provides its accessible name.
pub fn qr_svg(payload: &str) -> Result<String, QrError> {
    Ok(matrix_svg(&qr_matrix(payload)?))
}

/// The SVG of a matrix, as described in [`qr_svg`].
pub fn matrix_svg(matrix: &QrMatrix) -> String {
    let full = matrix.size + 2 * QUIET_ZONE;
    let mut svg = String::with_capacity(64 + matrix.size * matrix.size * 2);
    // Writing to a String cannot fail.
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {full} {full}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{full}\" height=\"{full}\" fill=\"#fff\"/><path fill=\"#000\" d=\""
    );
    for y in 0..matrix.size {
        let mut x = 0;
        while x < matrix.size {
            if !matrix.is_dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while matrix.is_dark(x, y) {
                x += 1;
            }
            let run = x - start;
            let _ = write!(
                svg,
                "M{} {}h{run}v1h-{run}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE
            );
        }
    }
    svg.push_str("\"/></svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Parses the `d` attribute written by [`matrix_svg`] back into the set of dark
    /// modules (in symbol coordinates, quiet zone removed).
    fn path_modules(svg: &str) -> BTreeSet<(usize, usize)> {
        let d = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let mut modules = BTreeSet::new();
        for rect in d.split('z').filter(|r| !r.is_empty()) {
            let rest = rect.strip_prefix('M').unwrap();
            let (xy, rest) = rest.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let (run, back) = rest.split_once("v1h-").unwrap();
            assert_eq!(run, back, "rectangle {rect} is not closed");
            let (x, y, run): (usize, usize, usize) =
                (x.parse().unwrap(), y.parse().unwrap(), run.parse().unwrap());
            assert!(run > 0);
            for dx in 0..run {
                assert!(
                    modules.insert((x + dx - QUIET_ZONE, y - QUIET_ZONE)),
                    "module drawn twice"
                );
            }
        }
        modules
    }

    fn matrix_modules(m: &QrMatrix) -> BTreeSet<(usize, usize)> {
        (0..m.size)
            .flat_map(|y| (0..m.size).map(move |x| (x, y)))
            .filter(|&(x, y)| m.is_dark(x, y))
            .collect()
    }

    const PAYLOAD: &str = "BCD\n002\n1\nSCT\n\nAFC Jeanne Martin\nFR7630006000011234567890189\nEUR37.50\n\n\nDon législatives 2027";

    #[test]
    fn level_is_m_and_version_small() {
        let code = qr_code(PAYLOAD).unwrap();
        assert_eq!(code.error_correction_level(), QrCodeEcc::Medium);
        // A short payload would be boosted to a higher level by `encode_text`.
        let short = qr_code("BCD").unwrap();
        assert_eq!(short.error_correction_level(), QrCodeEcc::Medium);
        assert_eq!(short.version().value(), 1);
    }

    #[test]
    fn capacity_matches_the_epc_limit() {
        let max = "a".repeat(331);
        let code = qr_code(&max).unwrap();
        assert_eq!(code.version().value(), MAX_VERSION);
        assert_eq!(code.error_correction_level(), QrCodeEcc::Medium);
        assert!(matches!(
            qr_code(&"a".repeat(332)),
            Err(QrError::TooLong { bytes: 332 })
        ));
    }

    #[test]
    fn svg_path_covers_exactly_the_dark_modules() {
        for payload in [PAYLOAD, "BCD", &"é".repeat(165)] {
            let matrix = qr_matrix(payload).unwrap();
            let svg = matrix_svg(&matrix);
            assert_eq!(path_modules(&svg), matrix_modules(&matrix));
            assert_eq!(qr_svg(payload).unwrap(), svg);
        }
    }

    #[test]
    fn svg_shape() {
        let matrix = qr_matrix("BCD").unwrap();
        assert_eq!(matrix.size, 21);
        let svg = matrix_svg(&matrix);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\" shape-rendering=\"crispEdges\">"));
        assert!(svg.contains("<rect width=\"29\" height=\"29\" fill=\"#fff\"/>"));
        assert_eq!(svg.matches("<path").count(), 1);
        assert!(svg.ends_with("\"/></svg>"));
        // Top-left finder pattern: a 7-module dark run on the first row.
        assert!(svg.contains("M4 4h7v1h-7z"));
    }

    #[test]
    fn error_message_is_bilingual() {
        let text = QrError::TooLong { bytes: 400 }.message();
        assert!(text.fr.contains("400") && text.en.contains("400"));
    }
}
