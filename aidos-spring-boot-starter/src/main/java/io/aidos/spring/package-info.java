/** Spring Boot auto-configuration — filled by the server/client issue. */
package io.aidos.spring;
