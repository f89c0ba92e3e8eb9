import { App, Aspects, IAspect, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
class Probe implements IAspect { seen: string[] = []; visit(n: IConstruct) { this.seen.push(n.node.path); } }
const app = new App();
const probe = new Probe();
const outer = new Stage(app, 'Outer');
const inner = new Stage(outer, 'Inner');
new Stack(app, 'Top');
new Stack(outer, 'S1');
new Stack(inner, 'S2');
Aspects.of(app).add(probe);
app.synth();
console.log(probe.seen.join('\n'));
