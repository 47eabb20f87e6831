// Builds the editor inside an about:blank iframe from the parent, the way
// webmail compose windows often do.
const frame = document.createElement('iframe');
frame.id = 'frame';
frame.title = 'Reply editor';
document.body.append(frame);
const doc = frame.contentDocument;
doc.documentElement.setAttribute('data-tactful-test', '');
doc.body.spellcheck = false;
const editor = doc.createElement('div');
editor.id = 'editor';
editor.contentEditable = 'true';
editor.style.minHeight = '120px';
editor.style.font = '16px/24px "DejaVu Sans", sans-serif';
editor.append(doc.createElement('br'));
doc.body.append(editor);
window.frameEvents = [];
doc.addEventListener('tactful:drawn', (e) => window.frameEvents.push(JSON.parse(e.detail)));
