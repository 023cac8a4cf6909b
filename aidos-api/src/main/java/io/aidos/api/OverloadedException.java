package io.aidos.api;

/** Every replica of a deployment is busy and its queues are full: the request was refused at once. Retry later. */
public class OverloadedException extends AiDosException {
    private final String deployment;

    public OverloadedException(String deployment, String message) {
        super(message);
        this.deployment = deployment;
    }

    public String deployment() {
        return deployment;
    }

    @Override
    public String errorCode() {
        return "OVERLOADED";
    }

    @Override
    public int httpStatus() {
        return 429;
    }
}
