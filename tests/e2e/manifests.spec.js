// Import YAML (kubectl apply -f) and Export YAML (kubectl get -o yaml).
const fs = require('fs');
const path = require('path');
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

const NGINX = path.join(__dirname, '../manifests/nginx-deployment.yaml');

test('the docs nginx-deployment.yaml imports from a file, rolls out, and the lab follows it', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.button('Import YAML').click();
  const dialog = page.getByRole('dialog', { name: 'Import YAML' });
  await dialog.getByLabel('Manifest file').setInputFiles(NGINX);
  await expect(dialog.getByRole('textbox', { name: 'Manifest' })).toHaveValue(fs.readFileSync(NGINX, 'utf8'));
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(app.console).toContainText('$ kubectl apply -f nginx-deployment.yaml');
  await expect(app.console).toContainText('deployment.apps/nginx-deployment created');
  await app.stepUntilIdle();
  await expect(app.lanes()).toHaveCount(1);
  await expect(app.lanes().first()).toHaveAccessibleName(/^ReplicaSet nginx-deployment-/);
  await expect(app.pods('Available')).toHaveCount(3);
  // The buttons now act on it.
  await app.setImage('nginx:1.16.1');
  await expect(app.console).toContainText('$ kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1');
  expect(app.errors).toEqual([]);
});

test('an invalid manifest gets the API server message and changes nothing', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.button('Import YAML').click();
  const dialog = page.getByRole('dialog', { name: 'Import YAML' });
  await expect(dialog.getByRole('textbox', { name: 'Manifest' })).toBeFocused();
  const bad = fs.readFileSync(NGINX, 'utf8').replace('  replicas: 3', '  replica: 3');
  await dialog.getByRole('textbox', { name: 'Manifest' }).fill(bad);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Error from server (BadRequest): error when creating "manifest.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"');
  await dialog.getByRole('textbox', { name: 'Manifest' }).fill('a: b: c');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'error: error parsing manifest.yaml: error converting YAML to JSON: yaml: line 1: mapping values are not allowed in this context');
  await page.screenshot({ path: path.join(__dirname, 'test-results', 'import-yaml-error.png') });
  await dialog.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(app.lanes()).toHaveCount(1);
  await expect(app.lanes().first()).toHaveAccessibleName(/^ReplicaSet test-deployment-/);
});

test('Export YAML downloads the Deployment and its ReplicaSets as kubectl get -o yaml prints them', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.rollOut('test_web:v2');
  const { name, text } = await app.download('Export YAML');
  expect(name).toBe('test-deployment.yaml');
  expect(text).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: apps\/v1\n  kind: Deployment\n/);
  expect(text.match(/\n  kind: ReplicaSet\n/g)).toHaveLength(2);
  expect(text).toContain('\n        maxSurge: 25%\n');
  // The console prints the same object.
  await app.run('kubectl get deployment test-deployment -o yaml');
  await expect(app.console).toContainText('apiVersion: apps/v1\nkind: Deployment\nmetadata:');
});

test('kubectl edit in the console opens the object in an editor; saving a new image rolls it out', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.run('kubectl edit deployment/test-deployment');
  const editor = page.getByRole('dialog', { name: 'kubectl edit deployment/test-deployment' });
  const file = editor.getByRole('textbox', { name: 'Manifest' });
  await expect(file).toBeFocused();
  const text = await file.inputValue();
  expect(text).toMatch(/^# Please edit the object below\. Lines beginning with a '#' will be ignored,\n/);
  expect(text).toContain('\n      - image: test_web:v1\n');
  await file.fill(text.replace('image: test_web:v1', 'image: test_web:v2').replace('  replicas: 3', '  replicas: -1'));
  await editor.getByRole('button', { name: 'Save' }).click();
  // As kubectl does, the editor reopens with the reasons in the file's header, the edits kept.
  await expect(editor.getByRole('alert')).toHaveText('error: deployments.apps "test-deployment" is invalid');
  await expect(file).toHaveValue(/\n#\n# deployments\.apps "test-deployment" was not valid:\n# \* spec\.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps\/v1\n/);
  let reopened = await file.inputValue();
  expect(reopened).toContain('\n      - image: test_web:v2\n');
  // A kind the cluster does not serve: kubectl prints nothing and reopens the file with the reason in
  // its header, which the editor shows first, as an editor opens a file.
  await file.fill(reopened.replace('kind: Deployment\n', 'kind: Deploymnet\n'));
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(file).toHaveValue(/\n#\n# The edited file had a syntax error: resource mapping not found for name: "test-deployment" namespace: "default" from "edited-file": no matches for kind "Deploymnet" in version "apps\/v1"\n# ensure CRDs are installed first\n#\napiVersion: apps\/v1\n/);
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await expect(file).toBeFocused();
  expect(await file.evaluate((area) => [area.scrollTop, area.selectionStart])).toEqual([0, 0]);
  await expect(page.getByRole('region', { name: 'Why this step' })).toContainText('kubectl edit deployment/test-deployment wrote nothing to the cluster.');
  reopened = await file.inputValue();
  await file.fill(reopened.replace('kind: Deploymnet\n', 'kind: Deployment\n').replace('  replicas: -1', '  replicas: 3'));
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toHaveCount(0);
  await expect(app.console).toContainText('$ kubectl edit deployment/test-deployment');
  await expect(app.console).toContainText('deployment.apps/test-deployment edited');
  await app.stepUntilIdle();
  await expect(app.lanes()).toHaveCount(2);
  // A Deployment that does not exist gets kubectl's answer, and no editor.
  await app.run('kubectl edit deployment/nope');
  await expect(app.console).toContainText('Error from server (NotFound): deployments.apps "nope" not found');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
