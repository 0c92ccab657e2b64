package org.resultsdesk.app;

public final class Main {
    public static void main(String[] args) {
        System.out.println("results desk");
    }
}
