//! A recording `DrawingBackend` for native chart tests: counts what a drawing
//! function draws and keeps every text it writes.

use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

/// What was drawn.
#[derive(Default, Debug)]
pub struct Recording {
    pub rects: usize,
    pub filled_rects: Vec<(BackendCoord, BackendCoord, (u8, u8, u8))>,
    pub paths: usize,
    pub lines: usize,
    pub texts: Vec<String>,
}

/// Records into `rec`; `size` is the pretend canvas size.
pub struct RecordingBackend<'a> {
    pub rec: &'a mut Recording,
    pub size: (u32, u32),
}

#[derive(Debug)]
pub struct Never;
impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("never")
    }
}
impl std::error::Error for Never {}

impl DrawingBackend for RecordingBackend<'_> {
    type ErrorType = Never;
    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }
    fn draw_pixel(
        &mut self,
        _: BackendCoord,
        _: BackendColor,
    ) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        _: BackendCoord,
        _: BackendCoord,
        _: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.rec.lines += 1;
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.rec.rects += 1;
        if fill {
            self.rec.filled_rects.push((a, b, s.color().rgb));
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        _: I,
        _: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.rec.paths += 1;
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        _: I,
        _: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.rec.paths += 1;
        Ok(())
    }
    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        _: &TStyle,
        _: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.rec.texts.push(text.to_owned());
        Ok(())
    }
    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        _: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Never>> {
        Ok((text.chars().count() as u32 * 7, 12))
    }
}
