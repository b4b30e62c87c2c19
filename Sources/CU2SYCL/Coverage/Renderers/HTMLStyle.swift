/// The report site's stylesheet and its one script, written as local files next to the pages (no
/// network resources). The outcome colors are paired with text everywhere (badges, numbers, bar
/// titles), and unsupported is also striped, so nothing depends on telling colors apart.
enum HTMLStyle {
  static let cssPath = "report.css"
  static let scriptPath = "report.js"

  static let css = """
  :root {
    --fg: #1f2328; --muted: #59636e; --line: #d8dee4; --panel: #f6f8fa; --accent: #2c5d8f;
    --converted: #4a9466; --review: #d8a31a; --manual: #dd7a35; --unsupported: #c2413a;
    --review-tint: #fcf1cc; --manual-tint: #fce3d0; --unsupported-tint: #f8d7d3; --changed: #edf3fa;
    --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
  }
  * { box-sizing: border-box; }
  body { margin: 0; color: var(--fg); background: #fff;
    font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
  a { color: var(--accent); }
  code { font-family: var(--mono); font-size: .9em; }
  header.site { display: flex; align-items: baseline; gap: 2rem; padding: .6rem 1.5rem;
    background: var(--panel); border-bottom: 1px solid var(--line); }
  header.site .brand { font-weight: 650; letter-spacing: .02em; }
  header.site nav { display: flex; gap: 1.2rem; }
  header.site nav span { font-weight: 600; }
  main { max-width: 1400px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
  h1 { font-size: 1.45rem; font-weight: 600; margin: .6rem 0 .2rem; overflow-wrap: anywhere; }
  h2 { font-size: 1.1rem; font-weight: 600; margin: 2rem 0 .5rem; }
  .roots { color: var(--muted); margin: 0 0 1rem; overflow-wrap: anywhere; }
  .note, .foot, caption { color: var(--muted); font-size: .85rem; }
  .foot { margin-top: 2.5rem; border-top: 1px solid var(--line); padding-top: .8rem; }

  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 1rem; }
  .card { border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; }
  .card.wide { grid-column: span 2; }
  .card p { margin: 0 0 .5rem; }
  .card h2 { margin: 0 0 .4rem; font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
  .card .big { font-size: 2.4rem; font-weight: 600; line-height: 1.1; margin: 0 0 .2rem; }
  .card .mid { font-size: 1.5rem; font-weight: 600; line-height: 1.2; }
  dl.counts { display: grid; grid-template-columns: 1fr auto; gap: 0 1rem; margin: 0; font-size: .9rem; }
  dl.counts dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1.5rem; margin: 1.5rem 0 0; font-size: .9rem; }
  dl.facts dt { color: var(--muted); }
  dl.facts dd { margin: 0; overflow-wrap: anywhere; }
  .problems { border-left: 4px solid var(--unsupported); background: #fdf5f4; padding: .1rem 1rem .6rem; margin: 1.5rem 0; }
  .problems h2 { margin: .6rem 0 .3rem; }
  .problems p { margin: .3rem 0; }
  .problems summary { cursor: pointer; color: var(--accent); }

  .bar { display: flex; height: .85rem; min-width: 6rem; border-radius: 3px; overflow: hidden;
    background: var(--panel); border: 1px solid var(--line); }
  .bar span { display: block; height: 100%; }
  .bar .o-converted, .legend i.o-converted { background: var(--converted); }
  .bar .o-review, .legend i.o-review { background: var(--review); }
  .bar .o-manual, .legend i.o-manual { background: var(--manual); }
  .badge.o-unsupported { background: var(--unsupported); }
  .bar .o-unsupported, .legend i.o-unsupported {
    background: var(--unsupported) repeating-linear-gradient(135deg, transparent 0 3px, rgba(255,255,255,.28) 3px 5px); }
  .legend { display: flex; flex-wrap: wrap; gap: .2rem 1.1rem; margin: .5rem 0; font-size: .85rem; color: var(--muted); }
  .legend i { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; margin-right: .35rem; vertical-align: -.1rem; }
  .legend i.chg { background: var(--changed); border: 1px solid #b9cde4; }
  .badge { display: inline-block; padding: 0 .5rem; border-radius: 999px; font-size: .75rem; font-weight: 600;
    line-height: 1.55; color: #fff; white-space: nowrap; font-family: system-ui, sans-serif; }
  .badge.o-review { background: var(--review); color: #3b2c00; }
  .badge.o-manual { background: var(--manual); color: #2f1500; }
  .badge.o-converted { background: var(--converted); }

  .scroll { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; }
  caption { text-align: left; padding: 0 0 .4rem; }
  th, td { padding: .32rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
  thead th { background: var(--panel); font-weight: 600; vertical-align: bottom; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  td.barcell { width: 11rem; min-width: 7rem; vertical-align: middle; }
  table.sortable th button { all: inherit; padding: 0; border: 0; background: none; cursor: pointer; }
  table.sortable th button::after { content: "\\00a0\\2195"; color: #a0a8b0; font-weight: 400; }
  table.sortable th[aria-sort="ascending"] button::after { content: "\\00a0\\25B2"; color: var(--fg); }
  table.sortable th[aria-sort="descending"] button::after { content: "\\00a0\\25BC"; color: var(--fg); }
  table.sortable th button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
  tbody tr:hover { background: #fafbfc; }
  table.sortable td:first-child { min-width: 11rem; }
  table.findings td:nth-child(5) { width: 60%; }

  section.warning { border-top: 1px solid var(--line); padding-top: .4rem; scroll-margin-top: 1rem; }
  section.warning h2 { margin-top: 1rem; }
  section.warning p { max-width: 90ch; }
  section.warning:target { background: #fffbea; }
  .wid { font-family: var(--mono); font-weight: 600; }
  .meta, .where { color: var(--muted); font-size: .9rem; }
  .missing { border-left: 4px solid var(--review); background: #fffaeb; padding: .6rem 1rem; }

  table.code { table-layout: fixed; border: 1px solid var(--line); font: 12.5px/1.5 var(--mono); }
  table.code col.ln { width: 3.8em; }
  table.code thead th { font-family: system-ui, sans-serif; font-size: .85rem; font-weight: 400; }
  table.code thead th strong { margin-right: .5rem; }
  table.code td { padding: 0 .5rem; border: 0; }
  table.code td.ln { text-align: right; color: #8c959f; background: var(--panel); user-select: none; }
  table.code td.ln a { color: inherit; text-decoration: none; scroll-margin-top: 4rem; }
  table.code td.ln a:target { background: #ffe58f; color: var(--fg); font-weight: 600; }
  table.code td.src { white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4; }
  table.code td.src + td.ln { border-left: 1px solid var(--line); }
  table.code tr.chg td.src:not(.none) { background: var(--changed); }
  table.code td.src.none { background: repeating-linear-gradient(135deg, #fafbfc 0 5px, #f1f3f5 5px 7px); }
  table.code td.f-review { box-shadow: inset 3px 0 var(--review); }
  table.code td.f-manual { box-shadow: inset 3px 0 var(--manual); }
  table.code td.f-unsupported { box-shadow: inset 3px 0 var(--unsupported); }
  mark { color: inherit; border-radius: 2px; }
  mark.o-review { background: var(--review-tint); border-bottom: 2px solid var(--review); }
  mark.o-manual { background: var(--manual-tint); border-bottom: 2px solid var(--manual); }
  mark.o-unsupported { background: var(--unsupported-tint); border-bottom: 2px solid var(--unsupported); }
  table.code tr.notes td { padding: .3rem .6rem .45rem; font: .85rem/1.45 system-ui, sans-serif; background: #fff;
    border-top: 1px dashed var(--line); border-bottom: 1px dashed var(--line); }
  tr.notes ul { list-style: none; margin: 0; padding: 0; }
  tr.notes li { padding: .1rem 0 .1rem .6rem; border-left: 3px solid var(--line); margin: .1rem 0; scroll-margin-top: 4rem; }
  tr.notes li.o-review { border-color: var(--review); }
  tr.notes li.o-manual { border-color: var(--manual); }
  tr.notes li.o-unsupported { border-color: var(--unsupported); }
  tr.notes li:target { background: #fffbea; }

  @media (max-width: 800px) {
    main { padding: .8rem; }
    .card.wide { grid-column: auto; }
    table.code { font-size: 11.5px; }
  }

  """

  /// Makes the summary tables sortable by a click on a column header (numbers by their data-v value).
  /// Without JavaScript they stay plain tables in their written order.
  static let script = """
  "use strict";
  (function () {
    function key(cell) {
      var v = cell.getAttribute("data-v");
      if (v === null) return cell.textContent.trim().toLowerCase();
      var n = parseFloat(v);
      return isNaN(n) ? v.toLowerCase() : n;
    }
    function sort(table, th, index) {
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var numeric = rows.length > 0 && typeof key(rows[0].cells[index]) === "number";
      var current = th.getAttribute("aria-sort");
      // Numbers sort largest first on the first click, text A to Z.
      var ascending = current ? current === "descending" : !numeric;
      var headers = table.tHead.rows[0].cells;
      for (var i = 0; i < headers.length; i++) headers[i].removeAttribute("aria-sort");
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var keyed = rows.map(function (row, position) { return { row: row, key: key(row.cells[index]), position: position }; });
      keyed.sort(function (a, b) {
        var c = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
        return (ascending ? c : -c) || a.position - b.position;
      });
      keyed.forEach(function (k) { body.appendChild(k.row); });
    }
    var tables = document.querySelectorAll("table.sortable");
    Array.prototype.forEach.call(tables, function (table) {
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
        if (th.classList.contains("nosort")) return;
        var button = document.createElement("button");
        button.type = "button";
        while (th.firstChild) button.appendChild(th.firstChild);
        th.appendChild(button);
        button.addEventListener("click", function () { sort(table, th, index); });
      });
    });
  })();

  """
}
