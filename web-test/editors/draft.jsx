import React, { useState } from 'react';
import ReactDOM from 'react-dom';
import { Editor, EditorState } from 'draft-js';
import 'draft-js/dist/Draft.css';
import { exposeEditor } from './fixture.js';

/** @type {EditorState} */
let current = EditorState.createEmpty();

function Reply() {
  const [state, setState] = useState(current);
  current = state;
  return <Editor editorState={state} onChange={setState} spellCheck={false} />;
}

// Draft.js 0.11 predates React 18's concurrent root; it is used with the legacy one.
ReactDOM.render(<Reply />, document.getElementById('editor'));
exposeEditor({
  modelText: () => current.getCurrentContent().getPlainText('\n'),
  content: () => document.querySelector('#editor [contenteditable]'),
  selection: () => {
    const selection = current.getSelection();
    const blocks = current.getCurrentContent().getBlocksAsArray();
    const offset = (/** @type {string} */ key, /** @type {number} */ at) => {
      let n = 0;
      for (const block of blocks) {
        if (block.getKey() === key) return n + at;
        n += block.getLength() + 1;
      }
      return -1;
    };
    const [anchor, focus] = [offset(selection.getAnchorKey(), selection.getAnchorOffset()), offset(selection.getFocusKey(), selection.getFocusOffset())];
    return { start: Math.min(anchor, focus), end: Math.max(anchor, focus) };
  },
});
