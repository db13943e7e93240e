package com.example.kitchen;

import java.lang.annotation.ElementType;
import java.lang.annotation.Target;

/** A Nullable annotation of the user's own, as the processor accepts any named so. */
@Target({ElementType.TYPE_USE, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Nullable {}
