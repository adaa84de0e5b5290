import { describe, expect, it } from 'vitest';
import { alertOf, describePage, findForm } from '../../src/flows/html-form';

const page = `<h1>Sign in</h1><p class="alert" role="alert">Wrong &amp; bad.</p>
<form id="other" action="/x"></form>
<form id="op.logoutForm" method="post" action="/session/end/confirm?a=1&amp;b=2">
<input type="hidden" name="xsrf" value="t&#39;k"/><input name="empty">
</form>`;

const fieldsOf = (markup: string, id: string) => [...(findForm(markup, id)?.fields ?? [])];

describe('html-form', () => {
  it('finds a form by id with its action, method and pre-filled fields, entities decoded', () => {
    // Prepare / Act
    const form = findForm(page, 'op.logoutForm');

    // Assess
    expect(form?.action).toBe('/session/end/confirm?a=1&b=2');
    expect(form?.method).toBe('POST');
    expect([...(form?.fields ?? [])]).toEqual([['xsrf', "t'k"]]);
    expect(findForm(page, 'missing')).toBeUndefined();
    expect(findForm(page, 'other')?.method).toBe('GET');
  });

  it('reads attributes in any order and quoting: unquoted, single, double, upper-case names', () => {
    // Prepare
    const markup = `<FORM ACTION=/go METHOD=Post id=f><INPUT VALUE='a "b"' TYPE=hidden NAME=x>
<input value="1" name=y type="hidden"></FORM>`;

    // Act
    const form = findForm(markup, 'f');

    // Assess
    expect(form).toMatchObject({ action: '/go', method: 'POST' });
    expect(fieldsOf(markup, 'f')).toEqual([
      ['x', 'a "b"'],
      ['y', '1'],
    ]);
  });

  it('decodes named, decimal and hexadecimal entities, and a > inside a quoted value', () => {
    // Prepare
    const markup = `<form id="f" action="/a?x=1&amp;y=&#50;&#x33;"><input name="v" value="&lt;&eacute;&gt; a>b"></form>`;

    // Act / Assess
    expect(findForm(markup, 'f')?.action).toBe('/a?x=1&y=23');
    expect(fieldsOf(markup, 'f')).toEqual([['v', '<é> a>b']]);
  });

  it('ignores forms and inputs inside comments and templates', () => {
    // Prepare
    const markup = `<!-- <form id="f" action="/evil"><input name="a" value="1"></form> -->
<template><form id="f" action="/template"></form></template>
<form id="f" action="/real"><!-- <input name="b" value="2"> --><input name="c" value="3"></form>`;

    // Act / Assess
    expect(findForm(markup, 'f')?.action).toBe('/real');
    expect(fieldsOf(markup, 'f')).toEqual([['c', '3']]);
  });

  it('keeps several forms apart, takes the first of a repeated id, and reads form= owners', () => {
    // Prepare: a nested <form> tag is ignored by HTML parsing, so its input belongs to "outer"
    const markup = `<form id="outer" action="/o"><input name="o" value="1">
<form id="inner" action="/i"><input name="n" value="2"></form>
<form id="second" action="/s"><input name="s" value="3"><input name="away" value="4" form="outer"></form>
<form id="second" action="/later"></form>`;

    // Act / Assess
    expect(fieldsOf(markup, 'outer')).toEqual([
      ['o', '1'],
      ['n', '2'],
      ['away', '4'],
    ]);
    expect(findForm(markup, 'inner')).toBeUndefined();
    expect(findForm(markup, 'second')?.action).toBe('/s');
    expect(fieldsOf(markup, 'second')).toEqual([['s', '3']]);
  });

  it('submits what a browser would: no buttons or disabled inputs, checkboxes only when checked', () => {
    // Prepare
    const markup = `<form id="f"><input type="submit" name="go" value="Go">
<input name="off" value="x" disabled><input type="checkbox" name="no" value="1">
<input type="checkbox" name="yes" checked><textarea name="t">a &amp; b</textarea></form>`;

    // Act / Assess
    expect(fieldsOf(markup, 'f')).toEqual([
      ['yes', 'on'],
      ['t', 'a & b'],
    ]);
  });

  it('reads the alert and a summary of the page', () => {
    // Prepare / Act / Assess
    expect(alertOf(page)).toBe('Wrong & bad.');
    expect(describePage(page)).toBe('Sign in: Wrong & bad.');
    expect(alertOf('<h1>Fine</h1>')).toBeUndefined();
  });

  it('reads an alert on any element, its list items apart, and not one inside a comment', () => {
    // Prepare
    const markup = `<!-- <p role="alert">old</p> --><h1>Amazon <em>(demo)</em></h1>
<div role='alert' class=alert><ul><li>Enter a name.</li><li>Enter an email.</li></ul></div>`;

    // Act / Assess
    expect(alertOf(markup)).toBe('Enter a name. Enter an email.');
    expect(describePage(markup)).toBe('Amazon (demo): Enter a name. Enter an email.');
  });
});
