import { render } from 'preact';

function Popup() {
  return <main class="popup"><h1>TokenTally</h1></main>;
}

render(<Popup />, document.getElementById('app')!);
