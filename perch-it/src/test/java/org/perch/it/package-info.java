/**
 * End-to-end tests: a real Perch server on loopback ports, driven by Smack, the JDK WebSocket client and a scripted
 * raw-socket client ({@code *IT}, run by failsafe).
 */
package org.perch.it;
