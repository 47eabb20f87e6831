// A web component whose editor lives in an open shadow root.
const host = document.getElementById('host');
const root = host.attachShadow({ mode: 'open' });
const sheet = new CSSStyleSheet();
sheet.replaceSync('#editor { width: 640px; min-height: 96px; padding: 8px; border: 1px solid #888; font: 16px/24px "DejaVu Sans", sans-serif; }');
root.adoptedStyleSheets = [sheet];
const editor = document.createElement('div');
editor.id = 'editor';
editor.contentEditable = 'true';
editor.spellcheck = false;
editor.append(document.createElement('br'));
root.append(editor);
