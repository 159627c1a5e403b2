/** Saving and loading parameters as safetensors files. */
package org.vecgrad.nn.io;
