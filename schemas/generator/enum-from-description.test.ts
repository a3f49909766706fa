// Tests reading allowed values from Kubernetes field descriptions: found when the sentence is
// unambiguous, never guessed otherwise (a wrong enum would flag valid manifests).
import * as assert from 'node:assert/strict';
import { enumFromDescription } from './enum-from-description';

describe('enumFromDescription', () => {
  it('reads "One of A, B, C." lists', () => {
    assert.deepEqual(
      enumFromDescription(
        'Restart policy for all containers within the pod. One of Always, OnFailure, Never. In some contexts, only a subset of those values may be permitted. Default to Always.',
      ),
      ['Always', 'OnFailure', 'Never'],
    );
    assert.deepEqual(enumFromDescription('Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always.'), [
      'Always',
      'Never',
      'IfNotPresent',
    ]);
    assert.deepEqual(enumFromDescription('Status of the condition, one of True, False, Unknown.'), ['True', 'False', 'Unknown']);
  });

  it('reads "Must be", "Valid options are", "Supports" and quoted lists', () => {
    assert.deepEqual(enumFromDescription('Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".'), ['UDP', 'TCP', 'SCTP']);
    assert.deepEqual(
      enumFromDescription(
        'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates an IP.',
      ),
      ['ExternalName', 'ClusterIP', 'NodePort', 'LoadBalancer'],
    );
    assert.deepEqual(enumFromDescription('The IP protocol for this port. Supports "TCP", "UDP", and "SCTP". Default is TCP.'), [
      'TCP',
      'UDP',
      'SCTP',
    ]);
    assert.deepEqual(
      enumFromDescription("Valid values are 'ClusterFirstWithHostNet', 'ClusterFirst', 'Default' or 'None'. DNS parameters"),
      ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'],
    );
    assert.deepEqual(enumFromDescription('It can be `NonIndexed` (default) or `Indexed`.\n\n`NonIndexed` means ...'), [
      'NonIndexed',
      'Indexed',
    ]);
    assert.deepEqual(enumFromDescription('Allowed values are `Allow` or `Deny`\n\nRequired'), ['Allow', 'Deny']);
  });

  it('adds the empty string when the description gives it a meaning', () => {
    assert.deepEqual(
      enumFromDescription(
        'Effect indicates the taint effect to match. Empty means match all taint effects. When specified, allowed values are NoSchedule, PreferNoSchedule and NoExecute.',
      ),
      ['NoSchedule', 'PreferNoSchedule', 'NoExecute', ''],
    );
  });

  it('refuses a list that the next sentence continues', () => {
    assert.equal(
      enumFromDescription(
        "Represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist. Gt, and Lt.",
      ),
      undefined,
    );
  });

  it('refuses lists that are about something else than the field', () => {
    assert.equal(enumFromDescription('The key must be one of RSA3072, RSA4096, or ED25519.'), undefined);
    assert.equal(enumFromDescription('Is set to true if the runtime supports SupplementalGroupsPolicy and ContainerUser.'), undefined);
    assert.equal(enumFromDescription('Exactly one of `url` or `service` must be specified.'), undefined);
  });

  it('refuses values that are not bare identifiers', () => {
    assert.equal(enumFromDescription('Valid values are "None", empty string (""), or a valid IP address.'), undefined);
    assert.equal(enumFromDescription('Valid values are "Cluster", "Namespaced", and "*" "Cluster" means ...'), undefined);
    assert.equal(enumFromDescription('Must be an empty string (default) or Memory.'), undefined);
    assert.equal(
      enumFromDescription('Valid options are Retain (default for manually created PersistentVolumes), Delete, and Recycle (deprecated).'),
      undefined,
    );
    assert.equal(enumFromDescription('The currently supported values are linux and windows.'), undefined);
    assert.equal(enumFromDescription('must be greater or equal.'), undefined);
  });

  it('refuses single values, lists that do not end the sentence, and conflicting lists', () => {
    assert.equal(enumFromDescription('The only possible value is "Restart" to restart the container.'), undefined);
    assert.equal(
      enumFromDescription('It should be one of "External", "Object", "Pods" or "Resource", each mapping to a field.'),
      undefined,
    );
    assert.equal(enumFromDescription('One of A, B. Later: one of C, D.'), undefined);
    assert.equal(enumFromDescription('Can be Foo or Bar when set'), undefined);
    assert.equal(enumFromDescription(undefined), undefined);
  });
});
