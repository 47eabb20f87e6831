// Two stand-ins for rich editors. "model": like Slate or CKEditor 5, it owns
// the text, handles every beforeinput itself and re-renders the DOM from its
// model. "refuse": claims the replacement (preventDefault) but changes nothing.
const editor = document.getElementById('editor');
const mode = editor.dataset.mode;
window.editorModel = editor.textContent;
const history = [];

function render(caret) {
  const p = document.createElement('p');
  p.textContent = window.editorModel;
  editor.replaceChildren(p);
  if (caret === undefined || !p.firstChild) return;
  const range = document.createRange();
  range.setStart(p.firstChild, Math.min(caret, p.firstChild.length));
  range.collapse(true);
  getSelection().removeAllRanges();
  getSelection().addRange(range);
}

/** Offset of a DOM position in the model (one <p>, one text node). */
function offset(node, at) {
  const text = editor.querySelector('p')?.firstChild;
  if (node === text) return at;
  return at === 0 ? 0 : window.editorModel.length;
}

function undo() {
  if (history.length) window.editorModel = history.pop();
  render(window.editorModel.length);
}

// Like ProseMirror's and Slate's keymaps: the browser has no undo history
// for edits it never made, so Ctrl+Z is the editor's own.
editor.addEventListener('keydown', (e) => {
  if (mode === 'model' && (e.ctrlKey || e.metaKey) && !e.shiftKey && e.key === 'z') {
    e.preventDefault();
    undo();
  }
});

// Like ProseMirror, it takes pastes from the paste event, into its model.
editor.addEventListener('paste', (e) => {
  if (mode !== 'model') return;
  e.preventDefault();
  const sel = getSelection();
  if (!sel.rangeCount) return;
  const range = sel.getRangeAt(0);
  const start = offset(range.startContainer, range.startOffset);
  const end = offset(range.endContainer, range.endOffset);
  const text = e.clipboardData?.getData('text/plain') ?? '';
  history.push(window.editorModel);
  window.editorModel = window.editorModel.slice(0, start) + text + window.editorModel.slice(end);
  render(start + text.length);
});

editor.addEventListener('beforeinput', (e) => {
  if (mode === 'refuse') {
    if (e.inputType === 'insertReplacementText') e.preventDefault();
    return;
  }
  e.preventDefault();
  if (e.inputType === 'historyUndo') {
    undo();
    return;
  }
  const [target] = e.getTargetRanges();
  const sel = getSelection();
  const range = target ?? (sel.rangeCount ? sel.getRangeAt(0) : null);
  if (!range) return;
  let start = offset(range.startContainer, range.startOffset);
  const end = offset(range.endContainer, range.endOffset);
  let text;
  if (e.inputType === 'insertText') text = e.data ?? '';
  else if (e.inputType === 'insertReplacementText') text = e.dataTransfer?.getData('text/plain') ?? e.data ?? '';
  else if (e.inputType === 'deleteContentBackward') {
    text = '';
    if (start === end) start = Math.max(0, start - 1);
  } else return;
  history.push(window.editorModel);
  window.editorModel = window.editorModel.slice(0, start) + text + window.editorModel.slice(end);
  render(start + text.length);
});
