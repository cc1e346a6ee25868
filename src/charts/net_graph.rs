//! A restaking network drawn as a bipartite graph: services (squares) in a row at the
//! top, validators (circles) in a row at the bottom, an edge wherever a validator
//! restakes to a service. Square size follows a service's profit from corruption,
//! circle size and edge width follow a validator's stake. Members of an attack or of a
//! cascade are drawn in the alarm colour, validators knocked out by a shock in grey
//! with a cross, so the state is told by shape and mark as well as by colour.

use super::Style;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// How a node or an edge is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Nothing special.
    Plain,
    /// Part of the highlighted attack (or corrupted / slashed in the cascade so far).
    Hit,
    /// Removed by the shock.
    Shocked,
}

/// One service or validator.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Short name drawn next to the node ("S1", "V3").
    pub label: String,
    /// A number drawn under the name (profit or stake).
    pub detail: String,
    /// Relative size in `0..=1` (profit or stake over the largest one); clamped.
    pub size: f64,
    /// How it is marked.
    pub mark: Mark,
}

/// One edge: validator `validator` restakes to service `service`.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// Service index.
    pub service: usize,
    /// Validator index.
    pub validator: usize,
    /// Relative width in `0..=1` (the validator's stake over the largest stake); clamped.
    pub weight: f64,
    /// How it is marked.
    pub mark: Mark,
}

/// Everything the drawing needs.
#[derive(Clone, Debug, PartialEq)]
pub struct NetGraph {
    /// Services, left to right.
    pub services: Vec<Node>,
    /// Validators, left to right.
    pub validators: Vec<Node>,
    /// Edges (out-of-range indices are skipped).
    pub edges: Vec<Edge>,
    /// Per validator: `Some(true)` passes the per-validator check (a small green dot under
    /// it), `Some(false)` fails it (a small red square), `None` draws nothing.
    pub badges: Vec<Option<bool>>,
    /// Caption of the service row.
    pub services_caption: String,
    /// Caption of the validator row.
    pub validators_caption: String,
}

fn xs(n: usize, w: f64, margin: f64) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    let span = (w - 2.0 * margin).max(1.0);
    (0..n)
        .map(|i| margin + span * (i as f64 + 0.5) / n as f64)
        .collect()
}

fn unit(x: f64) -> f64 {
    if x.is_finite() {
        x.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// Draws `data` on `area`.
pub fn draw_net_graph<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &NetGraph,
    style: &Style,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let p = &style.palette;
    area.fill(&p.bg)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as f64, h as f64);
    let margin = style.px(8.0);
    let sx = xs(data.services.len(), w, margin);
    let vx = xs(data.validators.len(), w, margin);
    let font_px = style.px(12.0);
    let y_caption_s = style.px(4.0);
    let y_s = style.px(62.0);
    let y_v = h - style.px(62.0);
    let y_caption_v = h - style.px(16.0);
    // Largest radius that keeps neighbours apart.
    let gap = |pos: &[f64]| {
        if pos.len() > 1 {
            pos[1] - pos[0]
        } else {
            w
        }
    };
    let r_s_max = (gap(&sx) * 0.38).min(style.px(20.0));
    let r_v_max = (gap(&vx) * 0.38).min(style.px(16.0));
    let r_s = |size: f64| r_s_max * (0.35 + 0.65 * unit(size).sqrt());
    let r_v = |size: f64| r_v_max * (0.35 + 0.65 * unit(size).sqrt());

    let hit = p.s(4);
    let grey = p.s(5);
    let colour = |m: Mark, plain: RGBColor| match m {
        Mark::Plain => plain,
        Mark::Hit => hit,
        Mark::Shocked => grey,
    };
    let text = |s: &str, x: f64, y: f64, size: f64, c: RGBColor| {
        let style = (super::FONT, size)
            .into_font()
            .color(&c)
            .pos(Pos::new(HPos::Center, VPos::Top));
        area.draw(&Text::new(s.to_owned(), (x as i32, y as i32), style))
    };

    // Edges first, under the nodes: plain ones, then marked ones on top.
    for pass in [false, true] {
        for e in &data.edges {
            let (Some(&x1), Some(&x2)) = (sx.get(e.service), vx.get(e.validator)) else {
                continue;
            };
            if (e.mark != Mark::Plain) != pass {
                continue;
            }
            let width = style.px(1.0 + 4.0 * unit(e.weight));
            let c = match e.mark {
                Mark::Plain => p.fg.mix(0.35),
                Mark::Hit => hit.mix(0.9),
                Mark::Shocked => grey.mix(0.45),
            };
            area.draw(&PathElement::new(
                vec![(x1 as i32, y_s as i32), (x2 as i32, y_v as i32)],
                ShapeStyle {
                    color: c,
                    filled: false,
                    stroke_width: width.round().max(1.0) as u32,
                },
            ))?;
        }
    }

    // Services: squares with the name above and the detail below.
    text(&data.services_caption, w / 2.0, y_caption_s, font_px, p.fg)?;
    for (n, &x) in data.services.iter().zip(&sx) {
        let r = r_s(n.size);
        let c = colour(n.mark, p.s(3));
        let (x0, y0, x1, y1) = (
            (x - r) as i32,
            (y_s - r) as i32,
            (x + r) as i32,
            (y_s + r) as i32,
        );
        area.draw(&Rectangle::new([(x0, y0), (x1, y1)], c.filled()))?;
        area.draw(&Rectangle::new(
            [(x0, y0), (x1, y1)],
            p.fg.stroke_width(style.stroke(1.0)),
        ))?;
        if n.mark == Mark::Hit {
            // A second, outer frame: "corrupted" is not told by colour alone.
            let o = style.px(3.0) as i32;
            area.draw(&Rectangle::new(
                [(x0 - o, y0 - o), (x1 + o, y1 + o)],
                hit.stroke_width(style.stroke(2.0)),
            ))?;
        }
        text(&n.label, x, y_s - r - font_px * 1.25, font_px, p.fg)?;
        text(&n.detail, x, y_s + r + style.px(6.0), font_px * 0.9, p.fg)?;
    }

    // Validators: circles with the name and detail below, then the badge.
    for (i, (n, &x)) in data.validators.iter().zip(&vx).enumerate() {
        let r = r_v(n.size);
        let c = colour(n.mark, p.s(0));
        let centre = (x as i32, y_v as i32);
        area.draw(&Circle::new(centre, r as i32, c.filled()))?;
        area.draw(&Circle::new(
            centre,
            r as i32,
            p.fg.stroke_width(style.stroke(1.0)),
        ))?;
        match n.mark {
            Mark::Shocked => {
                let k = (r * 0.8) as i32;
                let s = p.fg.stroke_width(style.stroke(2.0));
                area.draw(&PathElement::new(
                    vec![(centre.0 - k, centre.1 - k), (centre.0 + k, centre.1 + k)],
                    s,
                ))?;
                area.draw(&PathElement::new(
                    vec![(centre.0 - k, centre.1 + k), (centre.0 + k, centre.1 - k)],
                    s,
                ))?;
            }
            Mark::Hit => {
                area.draw(&Circle::new(
                    centre,
                    (r + style.px(3.0)) as i32,
                    hit.stroke_width(style.stroke(2.0)),
                ))?;
            }
            Mark::Plain => {}
        }
        let below = y_v + r_v_max + style.px(3.0);
        text(&n.label, x, below, font_px, p.fg)?;
        text(&n.detail, x, below + font_px * 1.15, font_px * 0.9, p.fg)?;
        if let Some(Some(ok)) = data.badges.get(i) {
            let by = (y_v - r_v_max - style.px(7.0)) as i32;
            let k = style.px(3.5) as i32;
            if *ok {
                area.draw(&Circle::new((x as i32, by), k, p.s(2).filled()))?;
            } else {
                area.draw(&Rectangle::new(
                    [(x as i32 - k, by - k), (x as i32 + k, by + k)],
                    hit.filled(),
                ))?;
            }
        }
    }
    text(
        &data.validators_caption,
        w / 2.0,
        y_caption_v,
        font_px,
        p.fg,
    )?;
    area.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::{Recording, RecordingBackend};
    use crate::charts::Palette;

    fn node(label: &str, size: f64, mark: Mark) -> Node {
        Node {
            label: label.into(),
            detail: format!("{size}"),
            size,
            mark,
        }
    }

    fn sample(ns: usize, nv: usize) -> NetGraph {
        NetGraph {
            services: (0..ns)
                .map(|i| {
                    node(
                        &format!("S{}", i + 1),
                        1.0,
                        if i == 0 { Mark::Hit } else { Mark::Plain },
                    )
                })
                .collect(),
            validators: (0..nv)
                .map(|i| {
                    node(
                        &format!("V{}", i + 1),
                        0.5,
                        if i == 1 { Mark::Shocked } else { Mark::Plain },
                    )
                })
                .collect(),
            edges: (0..nv)
                .map(|v| Edge {
                    service: v % ns.max(1),
                    validator: v,
                    weight: 0.5,
                    mark: if v == 0 { Mark::Hit } else { Mark::Plain },
                })
                .collect(),
            badges: (0..nv).map(|i| Some(i % 2 == 0)).collect(),
            services_caption: "Services".into(),
            validators_caption: "Validators".into(),
        }
    }

    fn draw(g: &NetGraph, palette: Palette) -> Recording {
        let mut rec = Recording::default();
        {
            let backend = RecordingBackend {
                rec: &mut rec,
                size: (720, 520),
            };
            let area = backend.into_drawing_area();
            draw_net_graph(
                &area,
                g,
                &Style {
                    palette,
                    scale: 2.0,
                },
            )
            .unwrap();
        }
        rec
    }

    #[test]
    fn it_draws_every_node_edge_and_label() {
        let rec = draw(&sample(6, 12), Palette::LIGHT);
        for i in 1..=6 {
            assert!(rec.texts.contains(&format!("S{i}")));
        }
        for i in 1..=12 {
            assert!(rec.texts.contains(&format!("V{i}")));
        }
        assert!(rec.texts.contains(&"Services".to_string()));
        assert!(rec.texts.contains(&"Validators".to_string()));
        // 12 edges and the shocked validator's two crossing strokes are paths.
        assert!(rec.paths >= 14, "{}", rec.paths);
        let red = Palette::LIGHT.s(4);
        let purple = Palette::LIGHT.s(3);
        let fills: Vec<_> = rec.filled_rects.iter().map(|r| r.2).collect();
        // Background + 6 service squares + failing badges (6) at least.
        assert!(
            fills.contains(&(red.0, red.1, red.2)),
            "the attacked service is red"
        );
        assert!(fills.contains(&(purple.0, purple.1, purple.2)));
        assert_eq!(
            fills
                .iter()
                .filter(|c| **c == (red.0, red.1, red.2))
                .count(),
            1 + 6
        );
    }

    #[test]
    fn it_follows_the_theme() {
        let rec = draw(&sample(2, 3), Palette::DARK);
        let bg = Palette::DARK.bg;
        assert_eq!(rec.filled_rects[0].2, (bg.0, bg.1, bg.2));
    }

    #[test]
    fn it_survives_degenerate_data() {
        draw(&sample(0, 0), Palette::LIGHT);
        let mut g = sample(1, 1);
        g.services[0].size = f64::NAN;
        g.validators[0].size = -3.0;
        g.edges.push(Edge {
            service: 9,
            validator: 99,
            weight: f64::INFINITY,
            mark: Mark::Hit,
        });
        g.badges.clear();
        let rec = draw(&g, Palette::LIGHT);
        assert!(rec.texts.contains(&"S1".to_string()));
    }
}
