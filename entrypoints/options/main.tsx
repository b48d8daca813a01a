import { render } from 'preact';

function Options() {
  return <main class="options"><h1>TokenTally settings</h1></main>;
}

render(<Options />, document.getElementById('app')!);
